import { asStrings } from "../../tfjson/json";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** Where each resource type names the managed policies it attaches. */
export const ATTACHMENT_ARNS: ReadonlyMap<string, string> = new Map([
  ["aws_iam_role_policy_attachment", "policy_arn"],
  ["aws_iam_user_policy_attachment", "policy_arn"],
  ["aws_iam_group_policy_attachment", "policy_arn"],
  ["aws_iam_policy_attachment", "policy_arn"],
  ["aws_iam_role_policy_attachments_exclusive", "policy_arns"],
  ["aws_iam_role", "managed_policy_arns"],
]);

const isAdministratorAccess = (arn: string) => /:policy\/AdministratorAccess$/.test(arn);

/** Nothing gets the AWS-managed AdministratorAccess policy: every role here has a narrow job. */
export const noAdministratorAccess: BlockRule = (block) => {
  const attribute = ATTACHMENT_ARNS.get(block.type);
  if (block.kind !== "resource" || !attribute) return NOT_APPLICABLE;
  return fromProblems(asStrings(block.body[attribute]).filter(isAdministratorAccess).map((arn) => `attaches ${arn}`));
};
