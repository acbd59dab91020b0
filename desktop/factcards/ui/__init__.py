"""The Qt front end: it renders and dispatches; all logic lives in core and the store."""
