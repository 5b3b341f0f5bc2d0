import { Page } from '../../ui/Page';

export default function Citizen() {
  return <Page title="Citizen">{null}</Page>;
}
