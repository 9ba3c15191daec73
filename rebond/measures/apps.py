from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "rebond.measures"
    label = "measures"
    verbose_name = "Check-ins and questionnaires"

    def ready(self) -> None:
        from rebond.measures import plugins

        plugins.register_all()
