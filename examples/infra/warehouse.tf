# The warehouse PolarDB cluster that DataWorks Data Integration writes to.
# Addresses are documentation ranges (RFC 5737); replace them with your own.

variable "dataworks_cidrs" {
  description = "vSwitch CIDRs of the DataWorks serverless resource group (prod-serverless)."
  type        = list(string)
  default     = ["192.0.2.0/24"]
}

variable "office_cidrs" {
  description = "Office networks allowed to query the warehouse; set in terraform.tfvars."
  type        = list(string)
}

locals {
  reporting_cidr = "198.51.100.0/24"
}

resource "alicloud_polardb_cluster" "warehouse" {
  db_type       = "MySQL"
  db_version    = "8.0"
  db_node_class = "polar.mysql.x4.large"
  pay_type      = "PostPaid"
  vswitch_id    = "vsw-example"
  description   = "warehouse"

  db_cluster_ip_array {
    db_cluster_ip_array_name = "dataworks"
    security_ips             = var.dataworks_cidrs
  }

  db_cluster_ip_array {
    db_cluster_ip_array_name = "office"
    security_ips             = concat(var.office_cidrs, [local.reporting_cidr])
  }
}
