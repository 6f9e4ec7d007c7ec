import { Construct } from "constructs";
import { Fn } from "cdktf";
import { ConsumptionBudgetResourceGroup } from "@cdktf/provider-azurerm/lib/consumption-budget-resource-group";

export interface ResourceGroupBudgetProps {
  readonly name: string;
  readonly resourceGroupId: string;
  readonly monthlyAmount: number;
  readonly alertEmails: readonly string[];
  /**
   * First day of the budget's first month (`YYYY-MM-01`).
   * @default - the first day of the month the budget is created in, fixed after creation
   */
  readonly startDate?: string;
}

/** A monthly budget that warns at 80 % of actual spend and at 100 % of forecast spend. */
export class ResourceGroupBudget extends Construct {
  constructor(scope: Construct, id: string, props: ResourceGroupBudgetProps) {
    super(scope, id);
    if (!(props.monthlyAmount > 0))
      throw new Error(`budget monthlyAmount must be greater than 0, got ${props.monthlyAmount}`);
    if (props.alertEmails.length === 0) throw new Error("budget alertEmails must name at least one address");
    // Azure requires the first day of a month ("Budgets - Create Or Update", timePeriod.startDate).
    if (props.startDate !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-01$/.test(props.startDate)) {
      throw new Error(
        `budget startDate must be the first day of a month (YYYY-MM-01), got ${props.startDate}`,
      );
    }
    const budget = new ConsumptionBudgetResourceGroup(this, "budget", {
      name: props.name,
      resourceGroupId: props.resourceGroupId,
      amount: props.monthlyAmount,
      timeGrain: "Monthly",
      timePeriod: {
        // Without a given date: this month's first day at creation. Azure refuses a past start
        // outside the current period, so a fixed literal would break later deploys.
        startDate: props.startDate
          ? `${props.startDate}T00:00:00Z`
          : Fn.formatdate("YYYY-MM-01'T'00:00:00Z", Fn.timestamp()),
      },
      notification: [
        {
          enabled: true,
          threshold: 80,
          operator: "GreaterThanOrEqualTo",
          thresholdType: "Actual",
          contactEmails: [...props.alertEmails],
        },
        {
          enabled: true,
          threshold: 100,
          operator: "GreaterThanOrEqualTo",
          thresholdType: "Forecasted",
          contactEmails: [...props.alertEmails],
        },
      ],
    });
    if (!props.startDate) budget.lifecycle = { ignoreChanges: ["time_period"] };
  }
}
