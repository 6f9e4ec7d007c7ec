#!/usr/bin/env bash
# Regenerates test/fixtures/plans/terraform-data-replace.json with a real `terraform plan` of the
# built-in terraform_data resources in test/fixtures/plans/terraform-data/main.tf. No provider is
# downloaded (terraform_data ships with Terraform), so this runs offline. It applies a first
# generation to a throwaway local state, then plans the second and exports it with
# `terraform show -json`, the same command the pipeline feeds to the plan guard.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config_dir="${repo_root}/test/fixtures/plans/terraform-data"
output="${repo_root}/test/fixtures/plans/terraform-data-replace.json"
work_dir="$(mktemp -d)"
trap 'rm -rf "${work_dir}"' EXIT

cp "${config_dir}/main.tf" "${work_dir}/main.tf"
cd "${work_dir}"

export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
terraform init -input=false -no-color >/dev/null
terraform apply -input=false -no-color -auto-approve -var generation=1 -var keep_legacy=true >/dev/null
terraform plan -input=false -no-color -var generation=2 -var keep_legacy=false -out=plan.tfplan >/dev/null
terraform show -json plan.tfplan | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(text), null, 2) + "\n"));
' >"${output}"

echo "wrote ${output} ($(terraform version | head -n 1))"
