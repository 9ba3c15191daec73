from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "rebond.promises"
    label = "promises"
    verbose_name = "Promises to myself"

    def ready(self) -> None:
        from rebond.core import demo, nav, ownership, today
        from rebond.promises import demo as promise_demo
        from rebond.promises import ownership as promise_ownership
        from rebond.promises import panels

        ownership.register(
            "promises",
            exporter=promise_ownership.export_all,
            deleter=promise_ownership.delete_all,
            importer=promise_ownership.import_all,
        )
        today.register("promises", template="promises/_today.html", order=10, context=panels.today_context)
        nav.register("Record", "promises:record", order=10)
        demo.register(promise_demo.build, order=10)
