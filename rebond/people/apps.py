from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "rebond.people"
    label = "people"
    verbose_name = "Trust in others"

    def ready(self) -> None:
        from rebond.core import demo, nav, ownership, today
        from rebond.people import demo as people_demo
        from rebond.people import ownership as people_ownership
        from rebond.people import panels

        ownership.register(
            "people",
            exporter=people_ownership.export_all,
            deleter=people_ownership.delete_all,
            importer=people_ownership.import_all,
        )
        nav.register("People", "people:list", order=40)
        today.register("people", template="people/_today.html", order=40, context=panels.today_context)
        demo.register(people_demo.build, order=40)
