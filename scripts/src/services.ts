import { SubgraphDefinition } from '@jobcenter/kit';
import { citizensSubgraph } from '@jobcenter/citizens';

/** Every subgraph of the federation, in the order they start. Add a new service here. */
export const subgraphs: SubgraphDefinition<any>[] = [citizensSubgraph];

/** Where each service's folder is, relative to the project root. */
export const serviceDir = (name: string) => `services/${name}`;
