import type { Monitoring } from "../model";
import type { ResolveContext } from "./context";

export function resolveMonitoring(ctx: ResolveContext): Monitoring {
  const m = ctx.spec.monitoring ?? {};
  const d = ctx.profile.monitoring;
  return {
    logAnalyticsWorkspaceId: m.logAnalyticsWorkspaceId,
    retentionDays: m.retentionDays ?? d.retentionDays,
    alertEmails: m.alertEmails ?? [],
    webhooks: m.webhooks ?? [],
    // Every threshold has a tier default; the file overrides one key at a time.
    alerts: { ...d.alerts, ...m.alerts },
    alertsEnabled: d.alertsEnabled,
  };
}
