xss("payload-file");
