import { Testing, TerraformStack } from "cdktf";
import { AlertActionGroup } from "../../../constructs/monitoring/action-group";
import { ActivityLogAlerts, watchedOperations } from "../../../constructs/monitoring/activity-log-alerts";
import { ResourceGroupBudget } from "../../../constructs/monitoring/budget";
import type { AlertThresholds } from "../../../constructs/monitoring/alert-catalog";
import { MessagingAlerts, type MonitoredResource } from "../../../constructs/monitoring/messaging-alerts";
import { MessagingWorkbook } from "../../../constructs/monitoring/workbook";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function synth(build: (stack: TerraformStack) => void): Resources {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  build(stack);
  return (JSON.parse(Testing.synth(stack)) as { resource: Resources }).resource;
}

const thresholds: AlertThresholds = {
  serviceBusDeadLetteredMessages: 7,
  serviceBusActiveMessages: 1000,
  serviceBusThrottledRequests: 10,
  serviceBusServerErrors: 5,
  serviceBusCpuPercent: 75,
  serviceBusMemoryPercent: 70,
  eventHubsThrottledRequests: 10,
  eventHubsServerErrors: 5,
  eventHubsCaptureBacklog: 100,
  eventHubsIncomingOutgoingGap: 5000,
  eventGridDroppedEvents: 1,
  eventGridDeadLetteredEvents: 1,
  eventGridDeliveryFailures: 20,
  iotHubDroppedTelemetry: 1,
  iotHubOrphanedTelemetry: 10,
  iotHubThrottlingErrors: 10,
  relayListenerErrors: 3,
  authorizationFailures: 25,
  streamAnalyticsRuntimeErrors: 1,
  streamAnalyticsDeserializationErrors: 1,
  streamAnalyticsWatermarkDelaySeconds: 60,
  streamAnalyticsUtilizationPercent: 80,
};

const resources: MonitoredResource[] = [
  { kind: "serviceBus", label: "serviceBus/orders", resourceId: "/sb/orders", premium: true },
  { kind: "eventHubs", label: "eventHubs/telemetry", resourceId: "/eh/telemetry" },
  { kind: "eventGridTopic", label: "eventGrid/topics/order-lifecycle", resourceId: "/eg/topic" },
  { kind: "iotHub", label: "iotHub/plants", resourceId: "/iot/plants" },
  { kind: "relay", label: "relay/plant-bridge", resourceId: "/relay/bridge" },
];

function alerts(level: "full" | "essential", list = resources) {
  return synth((stack) => {
    new MessagingAlerts(stack, "alerts", {
      resourceGroupName: "rg",
      location: "westeurope",
      actionGroupId: "/ag",
      resources: list,
      thresholds,
      level,
      logAnalyticsWorkspaceId: "/workspace",
    });
  });
}

function criteriaOf(resource: Record<string, unknown>) {
  return (resource.criteria as { metric_name: string; threshold: number; dimension?: unknown[] }[])[0];
}

describe("messaging alerts", () => {
  it("alerts on dead-lettered messages per entity with the declared threshold", () => {
    const metric = alerts("full").azurerm_monitor_metric_alert;
    const deadLetters = Object.values(metric).find(
      (a) => criteriaOf(a).metric_name === "DeadletteredMessages",
    );
    expect(criteriaOf(deadLetters ?? {}).threshold).toBe(7);
    expect(criteriaOf(deadLetters ?? {}).dimension).toEqual([
      { name: "EntityName", operator: "Include", values: ["*"] },
    ]);
    expect(deadLetters?.scopes).toEqual(["/sb/orders"]);
  });

  it("names the resource and says what to do in every alert's description", () => {
    for (const alert of Object.values(alerts("full").azurerm_monitor_metric_alert)) {
      expect(alert.description).toMatch(/on (serviceBus|eventHubs|eventGrid|iotHub|relay)\//);
      expect(alert.description).toContain("What to do:");
    }
  });

  it("watches namespace CPU and memory only on Premium Service Bus", () => {
    const standard = alerts("full", [{ ...resources[0], premium: false }]).azurerm_monitor_metric_alert;
    const premium = alerts("full", [resources[0]]).azurerm_monitor_metric_alert;
    const names = (set: Record<string, Record<string, unknown>>) =>
      Object.values(set).map((a) => criteriaOf(a).metric_name);
    expect(names(standard)).not.toContain("NamespaceCpuUsage");
    expect(names(premium)).toEqual(expect.arrayContaining(["NamespaceCpuUsage", "NamespaceMemoryUsage"]));
  });

  it("covers each service's operational metrics in production", () => {
    const names = Object.values(alerts("full").azurerm_monitor_metric_alert).map(
      (a) => criteriaOf(a).metric_name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        "ActiveMessages",
        "ThrottledRequests",
        "ServerErrors",
        "CaptureBacklog",
        "DroppedEventCount",
        "DeadLetteredCount",
        "DeliveryAttemptFailCount",
        "d2c.telemetry.egress.dropped",
        "d2c.telemetry.egress.orphaned",
        "d2c.telemetry.ingress.sendThrottle",
        "ListenerConnections-ServerError",
        "UserErrors",
      ]),
    );
  });

  it("alerts on the Event Hubs incoming-outgoing gap from the workspace's metrics", () => {
    const gap = Object.values(alerts("full").azurerm_monitor_scheduled_query_rules_alert_v2)[0];
    const criteria = (gap.criteria as { query: string; threshold: number }[])[0];
    expect(gap.scopes).toEqual(["/workspace"]);
    expect(criteria.query).toContain('"IncomingMessages", "OutgoingMessages"');
    expect(criteria.threshold).toBe(5000);
  });

  it("gives development only the essential alerts and no gap query", () => {
    const set = alerts("essential");
    const names = Object.values(set.azurerm_monitor_metric_alert).map((a) => criteriaOf(a).metric_name);
    expect(names).toContain("DeadletteredMessages");
    expect(names).not.toContain("ActiveMessages");
    expect(names).not.toContain("UserErrors");
    expect(set.azurerm_monitor_scheduled_query_rules_alert_v2).toBeUndefined();
  });

  it("refuses a negative threshold", () => {
    expect(() =>
      synth((stack) => {
        new MessagingAlerts(stack, "alerts", {
          resourceGroupName: "rg",
          location: "westeurope",
          actionGroupId: "/ag",
          resources,
          thresholds: { ...thresholds, relayListenerErrors: -1 },
          level: "full",
          logAnalyticsWorkspaceId: "/workspace",
        });
      }),
    ).toThrow("alert threshold relayListenerErrors must be a number ≥ 0, got -1");
  });
});

describe("messaging alerts of resources whose labels meet once sanitized", () => {
  const meeting: MonitoredResource[] = [
    { kind: "eventHubs", label: "eventHubs/a.b", resourceId: "/eh/dot" },
    { kind: "eventHubs", label: "eventHubs/a-b", resourceId: "/eh/hyphen" },
    { kind: "eventHubs", label: "eventHubs/plain", resourceId: "/eh/plain" },
  ];
  const addresses = (list: MonitoredResource[]) => {
    const synthesized = alerts("full", list);
    return [
      ...Object.keys(synthesized.azurerm_monitor_metric_alert),
      ...Object.keys(synthesized.azurerm_monitor_scheduled_query_rules_alert_v2),
    ];
  };

  it("give every alert a construct ID and an Azure name of its own", () => {
    const synthesized = alerts("full", meeting);
    const all = [
      ...Object.values(synthesized.azurerm_monitor_metric_alert),
      ...Object.values(synthesized.azurerm_monitor_scheduled_query_rules_alert_v2),
    ];
    const perResource = Object.values(alerts("full", [meeting[2]]).azurerm_monitor_metric_alert).length + 1;
    expect(all).toHaveLength(3 * perResource);
    const names = all.map((alert) => String(alert.name).toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("keep characters Azure refuses out of alert names, and names that then meet apart", () => {
    const synthesized = alerts("full", [
      { kind: "serviceBus", label: "serviceBus/a:b", resourceId: "/sb/colon" },
      { kind: "serviceBus", label: "serviceBus/a-b", resourceId: "/sb/hyphen" },
      { kind: "serviceBus", label: "serviceBus/c#d", resourceId: "/sb/hash" },
    ]);
    const names = Object.values(synthesized.azurerm_monitor_metric_alert).map((alert) => String(alert.name));
    expect(names.filter((name) => /[*#&+:<>?@%{}\\/|]/.test(name))).toEqual([]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(names).toContain("serviceBus-c-d dead-lettered messages");
  });

  it("cut labels too long for an alert name, keeping names that are then alike apart", () => {
    const long = "y".repeat(300);
    const synthesized = alerts("full", [
      { kind: "eventHubs", label: `eventHubs/${long}a`, resourceId: "/eh/a" },
      { kind: "eventHubs", label: `eventHubs/${long}b`, resourceId: "/eh/b" },
    ]);
    const names = [
      ...Object.values(synthesized.azurerm_monitor_metric_alert),
      ...Object.values(synthesized.azurerm_monitor_scheduled_query_rules_alert_v2),
    ].map((alert) => String(alert.name));
    expect(names.filter((name) => name.length > 260)).toEqual([]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it("tag only the alerts of the resources that meet, whatever their order", () => {
    const forward = addresses(meeting);
    expect(
      forward.filter((id) => id.includes("eventHubs-plain-")).every((id) => !/[0-9a-f]{8}-/.test(id)),
    ).toBe(true);
    expect(forward.filter((id) => id.includes("eventHubs-a-b-"))).not.toHaveLength(0);
    expect(forward.filter((id) => /eventHubs-a-b-[0-9a-f]{8}-/.test(id))).toHaveLength(
      forward.filter((id) => id.includes("eventHubs-a-b-")).length,
    );
    expect([...addresses([...meeting].reverse())].sort()).toEqual([...forward].sort());
  });
});

describe("activity-log alerts", () => {
  it("alert on deletes of messaging resources and role-assignment changes in the resource group", () => {
    const set = synth((stack) => {
      new ActivityLogAlerts(stack, "activity", {
        resourceGroupName: "rg",
        resourceGroupId: "/rg",
        actionGroupId: "/ag",
      });
    }).azurerm_monitor_activity_log_alert;
    const operations = Object.values(set).map(
      (a) => (a.criteria as { operation_name: string }).operation_name,
    );
    expect(operations).toHaveLength(watchedOperations.length);
    expect(operations).toEqual(
      expect.arrayContaining([
        "Microsoft.ServiceBus/namespaces/queues/delete",
        "Microsoft.Authorization/roleAssignments/write",
      ]),
    );
    expect(
      Object.values(set).every((a) => a.location === "global" && JSON.stringify(a.scopes) === '["/rg"]'),
    ).toBe(true);
  });
});

describe("budget", () => {
  it("warns at 80 % actual and 100 % forecast spend", () => {
    const budget = Object.values(
      synth((stack) => {
        new ResourceGroupBudget(stack, "budget", {
          name: "b",
          resourceGroupId: "/rg",
          monthlyAmount: 8000,
          alertEmails: ["finops@contoso.example"],
        });
      }).azurerm_consumption_budget_resource_group,
    )[0];
    expect(budget.amount).toBe(8000);
    expect(budget.notification).toEqual([
      expect.objectContaining({
        threshold: 80,
        threshold_type: "Actual",
        contact_emails: ["finops@contoso.example"],
      }),
      expect.objectContaining({ threshold: 100, threshold_type: "Forecasted" }),
    ]);
  });

  it("starts this month without a start date, and keeps that date afterwards", () => {
    const budget = Object.values(
      synth((stack) => {
        new ResourceGroupBudget(stack, "budget", {
          name: "b",
          resourceGroupId: "/rg",
          monthlyAmount: 100,
          alertEmails: ["a@b.example"],
        });
      }).azurerm_consumption_budget_resource_group,
    )[0];
    expect((budget.time_period as { start_date: string }).start_date).toContain("formatdate");
    expect(budget.lifecycle).toEqual({ ignore_changes: ["time_period"] });
  });

  it("refuses a start date that is not the first of a month", () => {
    expect(() =>
      synth((stack) => {
        new ResourceGroupBudget(stack, "budget", {
          name: "b",
          resourceGroupId: "/rg",
          monthlyAmount: 100,
          alertEmails: ["a@b.example"],
          startDate: "2027-02-15",
        });
      }),
    ).toThrow("first day of a month");
  });
});

describe("action group and workbook", () => {
  it("notifies the on-call e-mails with the common alert schema", () => {
    const group = Object.values(
      synth((stack) => {
        new AlertActionGroup(stack, "ag", {
          name: "ag-contoso-messaging-prod",
          resourceGroupName: "rg",
          emails: ["oncall@contoso.example"],
        });
      }).azurerm_monitor_action_group,
    )[0];
    expect(group.email_receiver).toEqual([
      { name: "email-1", email_address: "oncall@contoso.example", use_common_alert_schema: true },
    ]);
    expect((group.short_name as string).length).toBeLessThanOrEqual(12);
  });

  it("keeps an e-mail receiver's name apart from a webhook's, ignoring case as Azure does", () => {
    const group = Object.values(
      synth((stack) => {
        new AlertActionGroup(stack, "ag", {
          name: "ag",
          resourceGroupName: "rg",
          emails: ["oncall@contoso.example", "ops@contoso.example"],
          webhooks: [{ name: "Email-1", url: "https://chat.example" }],
        });
      }).azurerm_monitor_action_group,
    )[0];
    const emailNames = (group.email_receiver as { name: string }[]).map((r) => r.name);
    expect(emailNames[0]).toMatch(/^email-1-[0-9a-f]{8}$/);
    expect(emailNames[1]).toBe("email-2");
  });

  it("refuses a plain-http webhook receiver", () => {
    expect(() =>
      synth((stack) => {
        new AlertActionGroup(stack, "ag", {
          name: "ag",
          resourceGroupName: "rg",
          emails: [],
          webhooks: [{ name: "chat", url: "http://chat.example" }],
        });
      }),
    ).toThrow("must use https");
  });

  it("charts throughput, backlog, dead letters and errors for every resource", () => {
    let charts = 0;
    const workbook = Object.values(
      synth((stack) => {
        charts = new MessagingWorkbook(stack, "wb", {
          environment: "prod",
          resourceGroupName: "rg",
          location: "westeurope",
          resources,
        }).chartCount;
      }).azurerm_application_insights_workbook,
    )[0];
    expect(charts).toBeGreaterThanOrEqual(12);
    for (const id of resources.map((r) => r.resourceId)) expect(workbook.data_json).toContain(id);
    for (const heading of ["## Throughput", "## Backlog", "## Dead letters", "## Errors"])
      expect(workbook.data_json).toContain(heading);
  });
});
