from typing import Any

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "rebond.safety"
    label = "safety"

    def ready(self) -> None:
        from rebond.core import ownership
        from rebond.safety import plan, services

        def delete(user: Any) -> None:
            # The days the calm page was shown go with the account; they aren't exported (nothing to take away).
            plan.delete_plan(user)
            services.crisis_pages_delete(user=user)

        ownership.register("safety_plan", exporter=plan.export_plan, deleter=delete, importer=plan.import_plan)
