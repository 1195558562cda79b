import { QueryClient } from '@tanstack/react-query';
import { isDataError } from '../lib/data-error';

/** One client for the app; route loaders warm it, components read it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing or corrupt file will not fix itself: only a flaky network or server gets one more
      // try; after that the reader sees the error and its Retry button.
      retry: (failures, error) =>
        failures < 1 &&
        (!isDataError(error) || error.kind === 'network' || error.kind === 'server'),
      retryDelay: 400,
      refetchOnWindowFocus: false,
    },
  },
});

if (import.meta.hot) {
  // The compiler's dev plugin rebuilds the data when a note changes: refresh the index first, so the
  // talks are then fetched under their new content-hashed names.
  import.meta.hot.on('notes:update', async () => {
    await queryClient.invalidateQueries({ queryKey: ['index'] });
    await queryClient.invalidateQueries({ queryKey: ['talks'] });
  });
}
