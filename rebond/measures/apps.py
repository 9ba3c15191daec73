from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "rebond.measures"
    label = "measures"
    verbose_name = "Check-ins and questionnaires"

    def ready(self) -> None:
        from rebond.measures import checks, plugins  # noqa: F401  (checks register themselves)

        plugins.register_all()
