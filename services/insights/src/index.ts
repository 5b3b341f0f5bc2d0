import { runSubgraph } from '@jobcenter/kit';
import { insightsSubgraph } from './server';

runSubgraph(insightsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
