from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "rebond.care"
    label = "care"
    verbose_name = "Care circle"

    def ready(self) -> None:
        from rebond.care import demo as care_demo
        from rebond.care import panels, services
        from rebond.core import demo, nav, ownership, today

        ownership.register("care", exporter=services.export_all, deleter=services.delete_all,
                           importer=services.import_all, appends=("homework",))  # shares never come from a file
        nav.register("Clients", "care:clients", order=40, roles={"clinician", "supporter"})
        nav.register("Sharing", "care:index", order=90, roles={"client"})
        today.register("care", template="care/_today.html", order=15, context=panels.today_context)
        demo.register(care_demo.build, order=95)
        from rebond.core import calendar

        calendar.register("care_homework", panels.calendar_items)
