/**
 * The live preview of a post in the look of its Facebook page: the page's name and picture, the
 * message as `composeMessage` composes it for the network (one card, or one per language), the photos'
 * grid or the link's card, and the first comment. Each line is its own block with `dir="auto"`, as
 * Facebook shows it, so a line the composer isolated (FSI/RLI/LRI … PDI) reads here as it will read
 * there. The card itself can be drawn right to left or left to right: readers see the page in
 * either direction, depending on their own Facebook's language.
 */
import { SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { directionOf } from '../../../../shared/languages.js';
import {
  type ComposablePost,
  composeFirstComment,
  composeMessage,
  firstStrongDirection,
  postLanguages,
  publicationTargets,
} from '../../../../shared/social/compose-message.js';
import type { LinkPreview } from '../../../../shared/social/posts.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { assetThumbnailUrl } from '../../studio/assets/assets-api.js';
import './post-preview.css';

export interface PostPreviewProps {
  workspaceId: string;
  post: ComposablePost;
  /** The workspace's content languages, in their order. */
  order: readonly string[];
  page: { name: string; pictureUrl: string | null } | null;
  assetIds: readonly string[];
  link: { url: string; preview: LinkPreview | null } | null;
  /** When it goes out, already worded (or null while not scheduled). */
  when: string | null;
}

const PHOTOS_SHOWN = 5;
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;

function initialsOf(name: string): string {
  return [...name.trim()].slice(0, 1).join('').toLocaleUpperCase() || '·';
}

function Avatar({ page, isSmall }: { page: PostPreviewProps['page']; isSmall?: boolean }) {
  const className = `tawasul-fb-avatar${isSmall ? ' tawasul-fb-avatar-small' : ''}`;
  // A page picture that does not load (an expired CDN address, the sandbox) falls back to the initial.
  const [brokenUrl, setBrokenUrl] = useState<string | null>(null);
  if (page?.pictureUrl && page.pictureUrl !== brokenUrl) {
    const url = page.pictureUrl;
    return <img className={className} src={url} alt="" referrerPolicy="no-referrer" onError={() => setBrokenUrl(url)} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {initialsOf(page?.name ?? '')}
    </span>
  );
}

/** The lines of a composed text, each a block taking its own direction; its language guessed from that direction. */
function Lines({ text, languages }: { text: string; languages: readonly string[] }) {
  return (
    <>
      {text.split('\n').map((line, index) => {
        // The language is the one its letters run like, isolate or not.
        const direction = firstStrongDirection(line.replace(ISOLATE_CONTROLS, ''));
        const language = direction ? languages.find((candidate) => directionOf(candidate) === direction) : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place.
          <div key={index} className="tawasul-fb-line" dir="auto" lang={language}>
            {line === '' ? '\u00a0' : line}
          </div>
        );
      })}
    </>
  );
}

function Photos({ workspaceId, assetIds }: { workspaceId: string; assetIds: readonly string[] }) {
  const { t } = useI18n();
  const shown = assetIds.slice(0, PHOTOS_SHOWN);
  const more = assetIds.length - shown.length;
  return (
    <div className="tawasul-fb-photos" data-count={Math.min(assetIds.length, PHOTOS_SHOWN)} data-testid="preview-photos">
      {shown.map((assetId, index) => (
        <div key={assetId} className="tawasul-fb-photo">
          <img src={assetThumbnailUrl(workspaceId, assetId)} alt={t('socialPosts.preview.photo', { position: index + 1 })} />
          {more > 0 && index === shown.length - 1 ? (
            <span className="tawasul-fb-more">
              <span aria-hidden="true">+{more}</span>
              <VisuallyHidden>{t('socialPosts.preview.morePhotos', { count: more })}</VisuallyHidden>
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function LinkCard({ link }: { link: NonNullable<PostPreviewProps['link']> }) {
  const preview = link.preview;
  return (
    <div className="tawasul-fb-link" data-testid="preview-link">
      {preview?.imageUrl ? <img className="tawasul-fb-link-image" src={preview.imageUrl} alt="" referrerPolicy="no-referrer" /> : null}
      <div className="tawasul-fb-link-body">
        <div className="tawasul-fb-link-domain" dir="ltr">
          {hostOf(link.url)}
        </div>
        {preview?.title ? (
          <div className="tawasul-fb-link-title" dir="auto">
            {preview.title}
          </div>
        ) : null}
        {preview?.description ? (
          <div className="tawasul-fb-link-description" dir="auto">
            {preview.description}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function PostPreview({ workspaceId, post, order, page, assetIds, link, when }: PostPreviewProps) {
  const { t, dir } = useI18n();
  const titleId = useId();
  const [direction, setDirection] = useState<'rtl' | 'ltr'>(dir);
  const targets = publicationTargets(post, order);
  const languages = postLanguages(post, order);
  const pageName = page?.name ?? t('socialPosts.preview.noPage');
  const labelOf = (target: string) => t(`socialPosts.publication.target.${target}`);
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm">
      <Title order={2} size="h4" id={titleId}>
        {t('socialPosts.preview.title')}
      </Title>
      <SegmentedControl
        aria-label={t('socialPosts.preview.direction')}
        value={direction}
        onChange={(value) => setDirection(value as 'rtl' | 'ltr')}
        data={[
          { value: 'rtl', label: t('socialPosts.preview.rtl') },
          { value: 'ltr', label: t('socialPosts.preview.ltr') },
        ]}
        w="fit-content"
      />
      {targets.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('socialPosts.preview.empty')}
        </Text>
      ) : null}
      {targets.map((target) => {
        const message = composeMessage(post, target, order);
        const comment = composeFirstComment(post, target, order);
        return (
          <article
            key={target}
            className="tawasul-fb-card"
            dir={direction}
            aria-label={t('socialPosts.preview.cardLabel', { target: labelOf(target) })}
            data-testid="post-preview-card"
            data-target={target}
          >
            <div className="tawasul-fb-header">
              <Avatar page={page} />
              <div>
                <div className="tawasul-fb-page" dir="auto">
                  {pageName}
                </div>
                <div className="tawasul-fb-meta">{when ?? t('socialPosts.preview.notScheduled')}</div>
              </div>
            </div>
            <div className="tawasul-fb-text" data-testid="preview-message">
              <Lines text={message} languages={languages} />
            </div>
            {link ? <LinkCard link={link} /> : assetIds.length > 0 ? <Photos workspaceId={workspaceId} assetIds={assetIds} /> : null}
            <div className="tawasul-fb-actions" aria-hidden="true">
              <span>{t('socialPosts.preview.like')}</span>
              <span>{t('socialPosts.preview.comment')}</span>
              <span>{t('socialPosts.preview.share')}</span>
            </div>
            {comment ? (
              <div className="tawasul-fb-comment" data-testid="preview-comment">
                <Avatar page={page} isSmall />
                <div className="tawasul-fb-bubble">
                  <div className="tawasul-fb-page" dir="auto">
                    {pageName}
                  </div>
                  <Lines text={comment} languages={languages} />
                </div>
              </div>
            ) : null}
          </article>
        );
      })}
      {targets.length > 0 && post.languageMode === 'together' && languages.length > 1 ? (
        <Text size="xs" c="dimmed">
          {t('socialPosts.preview.orderHint', { languages: languages.map((language) => t(`public.languageName.${language}`)).join(' · ') })}
        </Text>
      ) : null}
    </Stack>
  );
}
