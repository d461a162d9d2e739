// @ts-check
/**
 * The drift workflow's issue (run by actions/github-script; tested with stand-ins in
 * test/ci/drift-issue-script.test.ts): ONE open issue while something drifted or could not be planned,
 * its body replaced on every run; closed with a comment once a run finds every stack clean.
 *
 * The issue is found by a marker in its body among the open issues this workflow's bot opened, not by
 * its label alone: a label can be removed or renamed by hand, the marker cannot be by accident.
 */

const MARKER = "<!-- drift-report -->";
const LABEL = "drift";
/** GitHub rejects an issue body over 65,536 characters. */
const BODY_LIMIT = 65000;

/**
 * @typedef {{ owner: string, repo: string }} Repo
 * @typedef {{ serverUrl: string, runId: number, repo: Repo }} Context
 * @typedef {{ number: number, body?: string | null, pull_request?: unknown }} Issue
 * @typedef {{
 *   paginate: (method: unknown, args: object) => Promise<Issue[]>,
 *   rest: { issues: {
 *     listForRepo: unknown,
 *     create: (args: object) => Promise<unknown>,
 *     update: (args: object) => Promise<unknown>,
 *     createComment: (args: object) => Promise<unknown>,
 *   } },
 * }} GitHub
 * @typedef {{ status: "clean" | "drifted" | "unknown", title: string, body: string }} DriftReport
 */

/**
 * @param {DriftReport} report
 * @param {string} runUrl
 */
function issueBody(report, runUrl) {
  let body = `${MARKER}\n${report.body.trim()}\n\n<sub>Last checked by [this run](${runUrl}).</sub>\n`;
  if (body.length > BODY_LIMIT) body = `${body.slice(0, BODY_LIMIT - 200)}\n\n> ✂️ Cut at GitHub's size limit; see the run's artifacts.\n`;
  return body;
}

/**
 * @param {{ github: GitHub, context: Context, report: DriftReport, botLogin?: string }} args
 * @returns {Promise<"opened" | "updated" | "closed" | "nothing to do">}
 */
async function syncDriftIssue({ github, context, report, botLogin = "github-actions[bot]" }) {
  const { owner, repo } = context.repo;
  const runUrl = `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`;
  const open = await github.paginate(github.rest.issues.listForRepo, { owner, repo, state: "open", creator: botLogin, per_page: 100 });
  // The issues endpoint lists pull requests too.
  const existing = open.find((issue) => !issue.pull_request && issue.body?.includes(MARKER));
  if (report.status === "clean") {
    if (!existing) return "nothing to do";
    await github.rest.issues.createComment({ owner, repo, issue_number: existing.number, body: `No drift any more: every stack planned clean in [this run](${runUrl}). Closing.` });
    await github.rest.issues.update({ owner, repo, issue_number: existing.number, state: "closed", state_reason: "completed" });
    return "closed";
  }
  const body = issueBody(report, runUrl);
  if (existing) {
    await github.rest.issues.update({ owner, repo, issue_number: existing.number, title: report.title, body });
    return "updated";
  }
  await github.rest.issues.create({ owner, repo, title: report.title, body, labels: [LABEL] });
  return "opened";
}

module.exports = { MARKER, LABEL, BODY_LIMIT, issueBody, syncDriftIssue };
