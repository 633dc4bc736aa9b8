class ServiceError(Exception):
    """A request that cannot be done, with a message fit to show to the person.

    `code` is a stable machine-readable reason for the API; `status` is the HTTP
    status the API answers with.
    """

    def __init__(self, message: str, *, code: str = "invalid", status: int = 400):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
