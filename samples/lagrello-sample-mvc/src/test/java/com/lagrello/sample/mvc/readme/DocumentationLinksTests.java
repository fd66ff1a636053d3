package com.lagrello.sample.mvc.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and of {@code docs/} leads to a file of the
 * repository, and to a heading of it where the link names one.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("../..");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#+\\s+(.+)$", Pattern.MULTILINE);

	@Test
	void everyRelativeLinkResolves() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).forEach(pages::add);
		}
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			Matcher links = LINK.matcher(Files.readString(page));
			while (links.find()) {
				String link = links.group(1);
				if (!link.matches("[a-z]+:.*")) {
					check(page, link, broken);
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	private static void check(Path page, String link, List<String> broken) throws IOException {
		int hash = link.indexOf('#');
		String file = (hash < 0) ? link : link.substring(0, hash);
		Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
		String where = ROOT.relativize(page) + ": " + link;
		if (!Files.exists(target)) {
			broken.add(where + " (no such file)");
		}
		else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
			broken.add(where + " (no such heading)");
		}
	}

	private static List<String> anchors(Path page) throws IOException {
		List<String> anchors = new ArrayList<>();
		Matcher headings = HEADING.matcher(Files.readString(page));
		while (headings.find()) {
			// GitHub's: lower case, punctuation dropped, spaces as hyphens
			anchors.add(headings.group(1)
				.strip()
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'));
		}
		return anchors;
	}

}
