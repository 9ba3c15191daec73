from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "rebond.safety"
    label = "safety"

    def ready(self) -> None:
        from rebond.core import ownership
        from rebond.safety import plan

        ownership.register("safety_plan", exporter=plan.export_plan, deleter=plan.delete_plan, importer=plan.import_plan)
