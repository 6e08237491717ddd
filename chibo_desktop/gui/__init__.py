"""The Qt interface. It calls services only, through the one database worker (tasks.py)."""
