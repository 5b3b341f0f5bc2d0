import 'graphiql/setup-workers/vite';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './graphiql.css';

/**
 * Self-hosted GraphiQL (no CDN). It runs on the gateway's origin, so the session cookie signs its
 * requests in as the current session; the JSON content type keeps Apollo's CSRF prevention satisfied.
 */
const fetcher = createGraphiQLFetcher({ url: '/graphql', headers: { 'content-type': 'application/json' } });
createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} />);
