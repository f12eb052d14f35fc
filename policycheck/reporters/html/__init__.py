"""The ``html`` format: the page (view objects), its chart geometry and its Jinja2 templates."""
