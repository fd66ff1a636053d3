package com.lagrello.client;

/**
 * Bodies as the Lagrello API sends them, after the examples of its OpenAPI file.
 */
final class ApiExamples {

	static final String TOKEN = """
			{"createdAt":"2000-01-23T04:56:07.000+00:00","tokenKey":"13777603-bdf9-48f7-a493-3b4a94e8be02",
			 "createdBy":"createdBy","permissions":["READ","AUDIT"],"tokenName":"tokenName"}""";

	static final String NOT_FOUND = """
			{"errorType":"NOT_FOUND","message":"token could not be found"}""";

	static final String FORBIDDEN = """
			{"errorType":"FORBIDDEN","message":"The access token used to access resource is wrong"}""";

	private ApiExamples() {
	}

	/** A last page of tokens whose keys and names are the given strings. */
	static String tokens(String... keys) {
		StringBuilder data = new StringBuilder();
		for (String key : keys) {
			data.append((data.length() > 0) ? "," : "")
				.append("{\"tokenKey\":\"")
				.append(key)
				.append("\",\"tokenName\":\"")
				.append(key)
				.append("\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"permissions\":[\"READ\"]}");
		}
		return "{\"data\":[" + data + "],\"paging\":{\"next\":null,\"previous\":null}}";
	}

	/** A page of tokens named {@code prefix-1} and so on, with the given next link. */
	static String page(String prefix, int count, String next) {
		StringBuilder data = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			if (i > 1) {
				data.append(',');
			}
			data.append("{\"tokenKey\":\"")
				.append(prefix)
				.append("-key-")
				.append(i)
				.append("\",\"tokenName\":\"")
				.append(prefix)
				.append('-')
				.append(i)
				.append("\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"permissions\":[\"READ\"]}");
		}
		String nextJson = (next != null) ? "\"" + next + "\"" : "null";
		return "{\"data\":[" + data + "],\"paging\":{\"next\":" + nextJson + ",\"previous\":null}}";
	}

}
