/** Scaffold: the send panel of an issue (start, pause, resume, cancel, live progress). */
export function SendPanel(_props: { workspaceId: string; issueId: string }) {
  return null;
}
