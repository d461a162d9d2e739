// @ts-check
/**
 * The pull-request workflow's GitHub API calls (run by actions/github-script; tested with stand-ins
 * in test/ci/pull-request-script.test.ts).
 *
 * postStickyComment: ONE comment per pull request, found again by its marker and updated on every
 * push, holding the review and the plan summary (or the failing synth's located cause alone).
 * removeAllowDestroy: a new push invalidates the destruction a reviewer accepted, so the label goes.
 */

const MARKER = "<!-- pr-plan-review -->";
/** GitHub rejects a comment over 65,536 characters (tfcmt issue 227): cut with a note instead. */
const COMMENT_LIMIT = 65000;
const ALLOW_DESTROY = "allow-destroy";

/**
 * @typedef {{ owner: string, repo: string }} Repo
 * @typedef {{ serverUrl: string, runId: number, repo: Repo, payload: { pull_request?: { number: number } } }} Context
 * @typedef {{ id: number, body?: string, user?: { type?: string } | null }} Comment
 * @typedef {{
 *   paginate: (method: unknown, args: object) => Promise<Comment[]>,
 *   rest: { issues: {
 *     listComments: unknown,
 *     updateComment: (args: object) => Promise<unknown>,
 *     createComment: (args: object) => Promise<unknown>,
 *     removeLabel: (args: object) => Promise<unknown>,
 *   } },
 * }} GitHub
 */

/**
 * @param {string[]} parts markdown sections, in order; empty ones are left out
 * @param {string} runUrl
 */
function commentBody(parts, runUrl) {
  const sections = parts.map((part) => part.trim()).filter(Boolean);
  let body = `${MARKER}\n${sections.join("\n\n---\n\n")}\n\n<sub>[workflow run](${runUrl}) · full reports in its artifacts</sub>\n`;
  if (body.length > COMMENT_LIMIT) body = `${body.slice(0, COMMENT_LIMIT - 200)}\n\n> ✂️ Cut at GitHub's comment limit; see the workflow artifacts.\n`;
  return body;
}

/** @param {Context} context */
function runUrlOf(context) {
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
}

/** @param {Context} context */
function pullNumber(context) {
  const number = context.payload.pull_request?.number;
  if (number === undefined) throw new Error("not a pull_request event: no pull request number");
  return number;
}

/**
 * @param {{ github: GitHub, context: Context, parts: string[] }} args
 * @returns {Promise<"created" | "updated">}
 */
async function postStickyComment({ github, context, parts }) {
  const { owner, repo } = context.repo;
  const issue_number = pullNumber(context);
  const body = commentBody(parts, runUrlOf(context));
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  // Only a bot's comment: a person quoting the marker must not have their comment overwritten.
  const mine = comments.find((comment) => comment.user?.type === "Bot" && comment.body?.includes(MARKER));
  if (mine) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
    return "updated";
  }
  await github.rest.issues.createComment({ owner, repo, issue_number, body });
  return "created";
}

/**
 * The REST endpoint answers 404 when the label is not on the pull request: nothing to remove.
 * @param {{ github: GitHub, context: Context }} args
 * @returns {Promise<boolean>} whether a label was removed
 */
async function removeAllowDestroy({ github, context }) {
  const { owner, repo } = context.repo;
  try {
    await github.rest.issues.removeLabel({ owner, repo, issue_number: pullNumber(context), name: ALLOW_DESTROY });
    return true;
  } catch (error) {
    if (/** @type {{ status?: number }} */ (error).status === 404) return false;
    throw error;
  }
}

module.exports = { MARKER, COMMENT_LIMIT, ALLOW_DESTROY, commentBody, postStickyComment, removeAllowDestroy };
