export { ApiConnection, type ApiConnectionProps } from "./api-connection";
export { ConsumptionWorkflow, type ConsumptionWorkflowProps } from "./consumption-workflow";
export { StandardLogicApp, type StandardLogicAppProps } from "./standard-app";
export { FailedRunsAlert, type FailedRunsAlertProps } from "./failed-runs-alert";
