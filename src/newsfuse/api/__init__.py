"""The REST API: JSON under ``/api`` over the service layer, in one ASGI app with the web UI.

Entry point: :func:`newsfuse.api.app.create_app` (imported from there, so the token commands load without
FastAPI). Routes stay thin: each parses its parameters, calls one service function and returns its model.
"""
