from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "rebond.journal"
    label = "journal"
    verbose_name = "Self-acceptance journal"

    def ready(self) -> None:
        from rebond.core import demo, ownership
        from rebond.journal import demo as journal_demo
        from rebond.journal import services

        ownership.register("journal", exporter=services.export_all, deleter=services.delete_all,
                           importer=services.import_all)
        demo.register(journal_demo.build, order=75)
