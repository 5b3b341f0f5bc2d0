import { runSubgraph } from '@jobcenter/kit';
import { plansSubgraph } from './server';

runSubgraph(plansSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
