from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "rebond.practice"
    label = "practice"
    verbose_name = "Practice and Learn"

    def ready(self) -> None:
        from rebond.core import demo, nav, ownership, today
        from rebond.practice import demo as practice_demo
        from rebond.practice import panels, services

        ownership.register("practice", exporter=services.export_all, deleter=services.delete_all,
                           importer=services.import_all)
        today.register("practice", template="practice/_today.html", order=30, context=panels.today_context)
        nav.register("Practice", "practice:index", order=20)
        nav.register("Learn", "practice:learn_index", order=30)
        demo.register(practice_demo.build, order=70)
