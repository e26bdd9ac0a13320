output "this_ecs_name" {
  description = "The name of the ECS instance."
  value       = module.example.this_ecs_name
}