namespace Roadmap.Docs.Benchmarks;

/// <summary>
/// The same corpus as a Hugo site, with layouts that do the work our theme does per page that matters for speed:
/// the title, the rendered markdown, and a navigation menu of the site's sections and the current section's pages.
/// </summary>
internal static class HugoSite
{
    /// <summary>Copies the markdown (front matter kept) to <c>content/</c>, renaming each <c>index.md</c> to Hugo's section page <c>_index.md</c>, and writes the config and layouts.</summary>
    public static void Create(string corpusRoot, string siteRoot)
    {
        foreach (var file in Directory.EnumerateFiles(corpusRoot, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(corpusRoot, file);
            if (Path.GetFileName(relative) == "index.md")
            {
                relative = Path.Combine(Path.GetDirectoryName(relative) ?? "", "_index.md");
            }
            var target = Path.Combine(siteRoot, "content", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Write(siteRoot, "hugo.toml", Config);
        Write(siteRoot, "layouts/_default/baseof.html", BaseOf);
        Write(siteRoot, "layouts/_default/single.html", Main);
        Write(siteRoot, "layouts/_default/list.html", Main);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    // Fenced code is highlighted with CSS classes (Chroma), as ours highlights it at build time with classes; sitemap.xml
    // stays on as ours writes one too.
    private const string Config = """
        baseURL = "https://example.org/kb/"
        title = "Generated knowledge base"
        languageCode = "en"
        disableKinds = ["taxonomy", "term", "RSS"]

        [markup.highlight]
          codeFences = true
          noClasses = false

        """;

    private const string BaseOf = """
        <!DOCTYPE html>
        <html lang="{{ site.LanguageCode }}">
        <head>
          <meta charset="utf-8">
          <title>{{ .Title }} | {{ site.Title }}</title>
        </head>
        <body>
        <nav aria-label="Site">
          <a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
          <ul>
            {{- range site.Sections }}
            <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
            {{- end }}
          </ul>
          {{- with .CurrentSection }}
          <ul>
            {{- range .Pages }}
            <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
            {{- end }}
          </ul>
          {{- end }}
        </nav>
        <main>{{ block "main" . }}{{ end }}</main>
        </body>
        </html>

        """;

    private const string Main = """
        {{ define "main" }}
        <article>
          <h1>{{ .Title }}</h1>
          {{ .Content }}
        </article>
        {{ end }}

        """;
}
