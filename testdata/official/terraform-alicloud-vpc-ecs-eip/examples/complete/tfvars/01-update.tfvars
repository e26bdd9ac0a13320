name                               = "update-tf-vpc-ecs-eip"
secondary_private_ip_address_count = 2
system_disk_name                   = "test_system_disk"
system_disk_description            = "test_system_disk_description"
internet_max_bandwidth_out         = "20"