from django.apps import AppConfig


class ThoughtsConfig(AppConfig):
    name = "rebond.thoughts"
    label = "thoughts"
    verbose_name = "Thought records"

    def ready(self) -> None:
        from rebond.core import demo, nav, ownership
        from rebond.thoughts import demo as thought_demo
        from rebond.thoughts import ownership as thought_ownership

        ownership.register(
            "thoughts",
            exporter=thought_ownership.export_all,
            deleter=thought_ownership.delete_all,
            importer=thought_ownership.import_all,
        )
        nav.register("Thoughts", "thoughts:list", order=20)
        demo.register(thought_demo.build, order=30)
