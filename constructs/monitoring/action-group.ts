import { Construct } from "constructs";
import { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
import { DistinctIds, withTag } from "../shared/distinct-ids";

export interface AlertActionGroupProps {
  readonly name: string;
  readonly resourceGroupName: string;
  /** Who is told: on-call addresses. */
  readonly emails: readonly string[];
  /**
   * Webhook receivers (chat, paging, ITSM), HTTPS only.
   * @default - e-mail only
   */
  readonly webhooks?: readonly { readonly name: string; readonly url: string }[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** The action group every alert of an environment notifies, with Azure's common alert schema. */
export class AlertActionGroup extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string, props: AlertActionGroupProps) {
    super(scope, id);
    for (const hook of props.webhooks ?? []) {
      if (!hook.url.startsWith("https://")) {
        throw new Error(`webhook receiver ${hook.name} must use https, got ${hook.url}`);
      }
    }
    // Receiver names are unique across all receivers of a group, ignoring case (azurerm
    // website/docs/r/monitor_action_group.html.markdown, email and webhook `name`). Webhook names
    // are the caller's; an e-mail receiver takes a tag where its own name would be one of them.
    const emailReceivers = new DistinctIds(
      props.emails.map((_, index) => ({
        parts: ["email", String(index)],
        ids: (tag?: string) => [withTag(`email-${index + 1}`, tag)],
      })),
      { reserved: (props.webhooks ?? []).map((hook) => hook.name), ignoreCase: true },
    );
    const group = new MonitorActionGroup(this, "group", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      // Azure allows at most 12 characters for the short name shown in SMS and e-mail.
      shortName: props.name.replace(/[^A-Za-z0-9]/g, "").slice(-12),
      emailReceiver: props.emails.map((address, index) => ({
        name: emailReceivers.one(["email", String(index)]),
        emailAddress: address,
        useCommonAlertSchema: true,
      })),
      webhookReceiver: (props.webhooks ?? []).map((hook) => ({
        name: hook.name,
        serviceUri: hook.url,
        useCommonAlertSchema: true,
      })),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.id = group.id;
  }
}
