import { useCallback, useEffect, useRef, useState } from 'react';
import { GraphQLFailure, request, type Operation } from './client';

export interface QueryState<T> {
  data?: T;
  error?: GraphQLFailure;
  loading: boolean;
  /** Runs the query again (the retry button, and after a change). */
  refetch(): Promise<void>;
}

/** Runs a query when the component mounts and whenever its variables change. */
export function useQuery<TResult, TVariables>(operation: Operation<TResult, TVariables>, variables: TVariables): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: TResult; error?: GraphQLFailure; loading: boolean }>({ loading: true });
  const latest = useRef(0);
  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await request(operation, JSON.parse(key) as TVariables);
      if (id === latest.current) setState({ data, loading: false });
    } catch (e) {
      if (id === latest.current) setState((s) => ({ data: s.data, error: asFailure(e), loading: false }));
    }
  }, [operation, key]);
  useEffect(() => {
    void run();
  }, [run]);
  return { ...state, refetch: run };
}

export interface MutationState {
  error?: GraphQLFailure;
  loading: boolean;
  reset(): void;
}

/** A mutation to run on submit: resolves with its data, or undefined when it failed (the error is in the state). */
export function useMutation<TResult, TVariables>(
  operation: Operation<TResult, TVariables>,
): [(variables: TVariables) => Promise<TResult | undefined>, MutationState] {
  const [state, setState] = useState<{ error?: GraphQLFailure; loading: boolean }>({ loading: false });
  const mutate = useCallback(
    async (variables: TVariables) => {
      setState({ loading: true });
      try {
        const data = await request(operation, variables);
        setState({ loading: false });
        return data;
      } catch (e) {
        setState({ error: asFailure(e), loading: false });
        return undefined;
      }
    },
    [operation],
  );
  const reset = useCallback(() => setState({ loading: false }), []);
  return [mutate, { ...state, reset }];
}

function asFailure(e: unknown): GraphQLFailure {
  return e instanceof GraphQLFailure ? e : new GraphQLFailure('other', String(e));
}
