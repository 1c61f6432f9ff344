"""dxplanner: digital-transformation strategies and action plans for state agencies."""

__version__ = "0.1.0"
