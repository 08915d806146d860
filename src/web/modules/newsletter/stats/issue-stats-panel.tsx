/** Scaffold: an issue's statistics per language (delivered, opens, clicks per link, unsubscribes, bounces). */
export function IssueStatsPanel(_props: { workspaceId: string; issueId: string }) {
  return null;
}
