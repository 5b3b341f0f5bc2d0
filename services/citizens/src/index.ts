import { runSubgraph } from '@jobcenter/kit';
import { citizensSubgraph } from './server';

runSubgraph(citizensSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
