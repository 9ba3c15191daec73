from django.apps import AppConfig


class BoundariesConfig(AppConfig):
    name = "rebond.boundaries"
    label = "boundaries"
    verbose_name = "Boundaries"

    def ready(self) -> None:
        from rebond.boundaries import demo as boundary_demo
        from rebond.boundaries import ownership as boundary_ownership
        from rebond.core import demo, ownership

        ownership.register(
            "boundaries",
            exporter=boundary_ownership.export_all,
            deleter=boundary_ownership.delete_all,
            importer=boundary_ownership.import_all,
        )
        demo.register(boundary_demo.build, order=45)
