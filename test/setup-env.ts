// Tests log only warnings and errors unless asked otherwise; set before any logger is created.
process.env.LOG_LEVEL ??= 'warn';
