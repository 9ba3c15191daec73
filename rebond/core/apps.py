from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rebond.core"
    label = "core"

    def ready(self) -> None:
        from rebond.core import checks  # noqa: F401  (registers the system checks)
