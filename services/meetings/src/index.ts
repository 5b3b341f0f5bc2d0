import { runSubgraph } from '@jobcenter/kit';
import { meetingsSubgraph } from './server';

runSubgraph(meetingsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
