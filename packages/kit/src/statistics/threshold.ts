/**
 * The smallest number of people a published figure may describe. Danish public statistics
 * withhold small cells ("diskretionering"); health and social data are commonly published only
 * for 5 people or more, and issue 6 asks for exactly that: a dashboard must not single anyone out.
 */
export const MIN_CELL_SIZE = 5;
