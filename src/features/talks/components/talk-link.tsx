import { useQueryClient } from '@tanstack/react-query';
import { memo, type ComponentPropsWithoutRef, type Ref } from 'react';
import { AppLink } from '../../../components/app-link';
import { paths } from '../../../config/paths';
import { useShowFilter } from '../../../hooks/use-show-filter';
import type { ShowFilter } from '../../../lib/filters';
import { talkQueryOptions } from '../api/get-talk';

type Props = Omit<ComponentPropsWithoutRef<'a'>, 'href'> & {
  conference: string;
  talk: string;
  ref?: Ref<HTMLAnchorElement>;
};

/**
 * A link to a talk with the given filter kept in it; starts loading the talk on hover or focus, so
 * opening it shows no spinner. Re-renders only when its props change (for long lists).
 */
export const TalkAnchor = memo(function TalkAnchor({
  conference,
  talk,
  show,
  onMouseEnter,
  onFocus,
  ...rest
}: Props & { show: ShowFilter }) {
  const queryClient = useQueryClient();
  const prefetch = () => {
    void queryClient.prefetchQuery(talkQueryOptions(conference, talk));
    // The reading pane's code (Markdown renderer) too, so the first talk opened is instant as well.
    void import('./talk-page');
  };
  return (
    <AppLink
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
});

/** A link to a talk that keeps the active filter (see TalkAnchor). */
export function TalkLink(props: Props) {
  const show = useShowFilter();
  return <TalkAnchor show={show} {...props} />;
}
