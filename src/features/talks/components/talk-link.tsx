import { useQueryClient } from '@tanstack/react-query';
import type { ComponentPropsWithoutRef, Ref } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import { talkQueryOptions } from '../api/get-talk';

type Props = Omit<ComponentPropsWithoutRef<typeof Link>, 'to'> & {
  conference: string;
  talk: string;
  ref?: Ref<HTMLAnchorElement>;
};

/**
 * A link to a talk that keeps the active filter and starts loading the talk on hover or focus,
 * so opening it shows no spinner.
 */
export function TalkLink({ conference, talk, onMouseEnter, onFocus, ...rest }: Props) {
  const queryClient = useQueryClient();
  const show = useShowFilter();
  const prefetch = () => {
    void queryClient.prefetchQuery(talkQueryOptions(conference, talk));
    // The reading pane's code (Markdown renderer) too, so the first talk opened is instant as well.
    void import('./talk-page');
  };
  return (
    <Link
      to={paths.talk(conference, talk, { show })}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      {...rest}
    />
  );
}
