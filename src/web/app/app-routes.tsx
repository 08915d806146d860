/** Every route of the app; pages are split into their own chunks. */
import { Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { useMe } from '../api/session.js';
import { PageLoader } from '../components/page-loader.js';
import { lazyPage } from './lazy-page.js';
import { defaultWorkspace } from './workspace-context.js';
import { WorkspaceShell } from './workspace-shell.js';

const SignInPage = lazyPage(() => import('../modules/auth/sign-in.page.js'), 'SignInPage');
const ForgotPasswordPage = lazyPage(() => import('../modules/auth/forgot-password.page.js'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../modules/auth/reset-password.page.js'), 'ResetPasswordPage');
const InvitationPage = lazyPage(() => import('../modules/auth/invitation.page.js'), 'InvitationPage');
const OrganisationsPage = lazyPage(() => import('../modules/directory/organisations-list.page.js'), 'OrganisationsPage');
const OrganisationNewPage = lazyPage(() => import('../modules/directory/organisation-edit.page.js'), 'OrganisationNewPage');
const OrganisationEditPage = lazyPage(() => import('../modules/directory/organisation-edit.page.js'), 'OrganisationEditPage');
const OrganisationDetailPage = lazyPage(() => import('../modules/directory/organisation-detail.page.js'), 'OrganisationDetailPage');
const PeoplePage = lazyPage(() => import('../modules/directory/people-list.page.js'), 'PeoplePage');
const PersonNewPage = lazyPage(() => import('../modules/directory/person-edit.page.js'), 'PersonNewPage');
const PersonEditPage = lazyPage(() => import('../modules/directory/person-edit.page.js'), 'PersonEditPage');
const PersonDetailPage = lazyPage(() => import('../modules/directory/person-detail.page.js'), 'PersonDetailPage');
const AccountPage = lazyPage(() => import('../modules/account/account.page.js'), 'AccountPage');
const MembersPage = lazyPage(() => import('../modules/admin/members.page.js'), 'MembersPage');
const SettingsPage = lazyPage(() => import('../modules/admin/settings.page.js'), 'SettingsPage');
const JobsPage = lazyPage(() => import('../modules/admin/jobs.page.js'), 'JobsPage');
const AuditPage = lazyPage(() => import('../modules/admin/audit.page.js'), 'AuditPage');
const OutboxPage = lazyPage(() => import('../modules/admin/outbox.page.js'), 'OutboxPage');
const CampaignBriefPage = lazyPage(() => import('../modules/planning/campaign-brief/campaign-brief.page.js'), 'CampaignBriefPage');
const CalendarPage = lazyPage(() => import('../modules/planning/calendar/calendar.page.js'), 'CalendarPage');
const CampaignsPage = lazyPage(() => import('../modules/planning/campaigns/campaigns-list.page.js'), 'CampaignsPage');
const CampaignNewPage = lazyPage(() => import('../modules/planning/campaigns/campaign-new.page.js'), 'CampaignNewPage');
const CampaignPage = lazyPage(() => import('../modules/planning/campaigns/campaign.page.js'), 'CampaignPage');
const TaskPage = lazyPage(() => import('../modules/planning/campaigns/tasks/task.page.js'), 'TaskPage');
const MyTasksPage = lazyPage(() => import('../modules/planning/campaigns/tasks/my-tasks.page.js'), 'MyTasksPage');
const TemplatesPage = lazyPage(() => import('../modules/planning/campaigns/templates/templates.page.js'), 'TemplatesPage');
const HolidaysPage = lazyPage(() => import('../modules/planning/campaigns/holidays/holidays.page.js'), 'HolidaysPage');
const PlanPage = lazyPage(() => import('../modules/planning/plan/plan.page.js'), 'PlanPage');
const NeedsPage = lazyPage(() => import('../modules/planning/needs/needs-list.page.js'), 'NeedsPage');
const NeedNewPage = lazyPage(() => import('../modules/planning/needs/need-edit.page.js'), 'NeedNewPage');
const NeedEditPage = lazyPage(() => import('../modules/planning/needs/need-edit.page.js'), 'NeedEditPage');
const NeedDetailPage = lazyPage(() => import('../modules/planning/needs/need-detail.page.js'), 'NeedDetailPage');
const NewsletterIssuesPage = lazyPage(() => import('../modules/newsletter/issues/issues-list.page.js'), 'NewsletterIssuesPage');
const NewsletterIssuePage = lazyPage(() => import('../modules/newsletter/issues/issue.page.js'), 'NewsletterIssuePage');
const SubscribersPage = lazyPage(() => import('../modules/newsletter/audience/subscribers-list.page.js'), 'SubscribersPage');
const SubscriberPage = lazyPage(() => import('../modules/newsletter/audience/subscriber.page.js'), 'SubscriberPage');
const MailingListsPage = lazyPage(() => import('../modules/newsletter/audience/lists.page.js'), 'MailingListsPage');
const SegmentsPage = lazyPage(() => import('../modules/newsletter/audience/segments.page.js'), 'SegmentsPage');
const SubscriberImportsPage = lazyPage(() => import('../modules/newsletter/import/imports.page.js'), 'SubscriberImportsPage');
const SubscriberImportPage = lazyPage(() => import('../modules/newsletter/import/import.page.js'), 'SubscriberImportPage');
const NewsletterSettingsPage = lazyPage(
  () => import('../modules/newsletter/settings/newsletter-settings.page.js'),
  'NewsletterSettingsPage',
);
const DesignsPage = lazyPage(() => import('../modules/studio/designs/designs-list.page.js'), 'DesignsPage');
const DesignPage = lazyPage(() => import('../modules/studio/designs/design.page.js'), 'DesignPage');
const StudioDocumentsPage = lazyPage(() => import('../modules/studio/documents/documents-list.page.js'), 'StudioDocumentsPage');
const StudioDocumentPage = lazyPage(() => import('../modules/studio/documents/document.page.js'), 'StudioDocumentPage');
const AssetsPage = lazyPage(() => import('../modules/studio/assets/assets-list.page.js'), 'AssetsPage');
const AssetPage = lazyPage(() => import('../modules/studio/assets/asset.page.js'), 'AssetPage');
const SocialPostsPage = lazyPage(() => import('../modules/social/posts/posts-list.page.js'), 'SocialPostsPage');
const SocialPostPage = lazyPage(() => import('../modules/social/posts/post.page.js'), 'SocialPostPage');
const SocialInboxPage = lazyPage(() => import('../modules/social/inbox/inbox.page.js'), 'SocialInboxPage');
const SocialInsightsPage = lazyPage(() => import('../modules/social/insights/insights.page.js'), 'SocialInsightsPage');
const SocialChannelsPage = lazyPage(() => import('../modules/social/channels/channels.page.js'), 'SocialChannelsPage');
const BrandKitPage = lazyPage(() => import('../modules/studio/brand/brand-kit.page.js'), 'BrandKitPage');

function SignedInRoutes() {
  const { data: me, isPending } = useMe();
  if (isPending) return <PageLoader />;
  if (!me) {
    const next = window.location.pathname.replace(/^\/app/, '') + window.location.search;
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const first = defaultWorkspace(me.workspaces);
  return (
    <WorkspaceShell>
      <Suspense fallback={<PageLoader />}>
        <Switch>
          <Route path="/account" component={AccountPage} />
          <Route path="/w/:workspaceId/organisations" component={OrganisationsPage} />
          <Route path="/w/:workspaceId/organisations/new" component={OrganisationNewPage} />
          <Route path="/w/:workspaceId/organisations/:organisationId/edit" component={OrganisationEditPage} />
          <Route path="/w/:workspaceId/organisations/:organisationId" component={OrganisationDetailPage} />
          <Route path="/w/:workspaceId/people" component={PeoplePage} />
          <Route path="/w/:workspaceId/people/new" component={PersonNewPage} />
          <Route path="/w/:workspaceId/people/:personId/edit" component={PersonEditPage} />
          <Route path="/w/:workspaceId/people/:personId" component={PersonDetailPage} />
          <Route path="/w/:workspaceId/admin/members" component={MembersPage} />
          <Route path="/w/:workspaceId/admin/settings" component={SettingsPage} />
          <Route path="/w/:workspaceId/admin/jobs" component={JobsPage} />
          <Route path="/w/:workspaceId/admin/audit" component={AuditPage} />
          <Route path="/w/:workspaceId/admin/outbox" component={OutboxPage} />
          <Route path="/w/:workspaceId/campaigns/:campaignId/brief" component={CampaignBriefPage} />
          <Route path="/w/:workspaceId/calendar" component={CalendarPage} />
          <Route path="/w/:workspaceId/campaigns" component={CampaignsPage} />
          <Route path="/w/:workspaceId/campaigns/new" component={CampaignNewPage} />
          <Route path="/w/:workspaceId/campaigns/:campaignId" component={CampaignPage} />
          <Route path="/w/:workspaceId/tasks/:taskId" component={TaskPage} />
          <Route path="/w/:workspaceId/my-tasks" component={MyTasksPage} />
          <Route path="/w/:workspaceId/planning-templates" component={TemplatesPage} />
          <Route path="/w/:workspaceId/holidays" component={HolidaysPage} />
          <Route path="/w/:workspaceId/plan" component={PlanPage} />
          <Route path="/w/:workspaceId/needs" component={NeedsPage} />
          <Route path="/w/:workspaceId/needs/new" component={NeedNewPage} />
          <Route path="/w/:workspaceId/needs/:needId/edit" component={NeedEditPage} />
          <Route path="/w/:workspaceId/needs/:needId" component={NeedDetailPage} />
          <Route path="/w/:workspaceId/newsletter" component={NewsletterIssuesPage} />
          <Route path="/w/:workspaceId/newsletter/issues/:issueId" component={NewsletterIssuePage} />
          <Route path="/w/:workspaceId/newsletter/subscribers" component={SubscribersPage} />
          <Route path="/w/:workspaceId/newsletter/subscribers/:subscriberId" component={SubscriberPage} />
          <Route path="/w/:workspaceId/newsletter/lists" component={MailingListsPage} />
          <Route path="/w/:workspaceId/newsletter/segments" component={SegmentsPage} />
          <Route path="/w/:workspaceId/newsletter/imports" component={SubscriberImportsPage} />
          <Route path="/w/:workspaceId/newsletter/imports/:importId" component={SubscriberImportPage} />
          <Route path="/w/:workspaceId/newsletter/settings" component={NewsletterSettingsPage} />
          <Route path="/w/:workspaceId/studio" component={DesignsPage} />
          <Route path="/w/:workspaceId/studio/designs/:designId" component={DesignPage} />
          <Route path="/w/:workspaceId/studio/documents" component={StudioDocumentsPage} />
          <Route path="/w/:workspaceId/studio/documents/:documentId" component={StudioDocumentPage} />
          <Route path="/w/:workspaceId/studio/assets" component={AssetsPage} />
          <Route path="/w/:workspaceId/studio/assets/:assetId" component={AssetPage} />
          <Route path="/w/:workspaceId/studio/brand" component={BrandKitPage} />
          <Route path="/w/:workspaceId/social" component={SocialPostsPage} />
          <Route path="/w/:workspaceId/social/posts/:postId" component={SocialPostPage} />
          <Route path="/w/:workspaceId/social/inbox" component={SocialInboxPage} />
          <Route path="/w/:workspaceId/social/insights" component={SocialInsightsPage} />
          <Route path="/w/:workspaceId/social/channels" component={SocialChannelsPage} />
          <Route>{first ? <Redirect to={`/w/${first.id}/organisations`} replace /> : <Redirect to="/account" replace />}</Route>
        </Switch>
      </Suspense>
    </WorkspaceShell>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Switch>
        <Route path="/sign-in" component={SignInPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/invitation/:token" component={InvitationPage} />
        <Route>
          <SignedInRoutes />
        </Route>
      </Switch>
    </Suspense>
  );
}
