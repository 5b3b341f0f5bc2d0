import { Page } from '../../ui/Page';

export default function Caseload() {
  return <Page title="Caseload">{null}</Page>;
}
