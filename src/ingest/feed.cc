#include "ingest/feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "ingest/ingest.h"

namespace dyad {
namespace {

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string content_of(const xmlNode* n) {
  std::unique_ptr<xmlChar, decltype(xmlFree)> c(xmlNodeGetContent(n), xmlFree);
  return c ? reinterpret_cast<const char*>(c.get()) : "";
}

std::string attribute(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, decltype(xmlFree)> v(
      xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)), xmlFree);
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

// The text of an HTML fragment (descriptions carry markup): paragraphs on
// their own lines, whitespace collapsed.
std::string html_text(const std::string& html) {
  if (html.find('<') == std::string::npos) return html;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(
          html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      &xmlFreeDoc);
  if (!doc) return "";
  std::string out;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        out += reinterpret_cast<const char*>(n->content);
      } else if (n->type == XML_ELEMENT_NODE) {
        std::string tag = name_of(n);
        if (tag == "script" || tag == "style") continue;
        bool block = tag == "p" || tag == "div" || tag == "br" || tag == "li" || tag == "h1" ||
                     tag == "h2" || tag == "h3" || tag == "blockquote";
        if (block) out += "\n\n";
        walk(n->children);
        if (block) out += "\n\n";
      }
    }
  };
  walk(xmlDocGetRootElement(doc.get()));
  // Collapse blanks inside lines; keep paragraph breaks.
  std::string clean;
  int newlines = 0;
  bool space = false;
  for (char c : out) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (!clean.empty()) {
      if (newlines >= 2) {
        clean += "\n\n";
      } else if (newlines == 1 || space) {
        clean += ' ';
      }
    }
    newlines = 0;
    space = false;
    clean.push_back(c);
  }
  return clean;
}

const xmlNode* child(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* want : names) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && name_of(c) == want) return c;
    }
  }
  return nullptr;
}

Article item_article(const xmlNode* item, const std::string& outlet, const std::string& origin,
                     int index) {
  Article a;
  a.origin = origin + "#" + std::to_string(index);
  if (const xmlNode* t = child(item, {"title"})) a.title = html_text(content_of(t));
  if (const xmlNode* l = child(item, {"link"})) {
    a.url = attribute(l, "href");
    if (a.url.empty()) a.url = content_of(l);
  }
  if (const xmlNode* d = child(item, {"pubDate", "published", "updated", "date"})) {
    a.date = normalise_date(content_of(d));
  }
  if (const xmlNode* g = child(item, {"guid", "id"})) a.id = content_of(g);
  if (a.id.empty()) a.id = a.url;
  if (const xmlNode* c = child(item, {"encoded", "content", "description", "summary"})) {
    a.text = html_text(content_of(c));
  }
  a.source = outlet.empty() ? url_host(a.url) : outlet;
  return a;
}

}  // namespace

std::vector<Article> articles_from_feed(std::string_view xml, const std::string& origin,
                                        std::string* error) {
  std::vector<Article> out;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_NOCDATA),
      &xmlFreeDoc);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) {
    if (error) *error = origin + ": expected an RSS or Atom feed (not well-formed XML)";
    return out;
  }
  std::string root_name = name_of(root);
  const xmlNode* channel = root_name == "rss" ? child(root, {"channel"}) : root;
  if (!channel || (root_name != "rss" && root_name != "feed" && root_name != "RDF")) {
    if (error)
      *error = origin + ": expected an <rss> or Atom <feed> document, found <" + root_name + ">";
    return out;
  }
  std::string outlet;
  if (const xmlNode* t = child(channel, {"title"})) outlet = html_text(content_of(t));
  int index = 0;
  for (const xmlNode* n = channel->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string tag = name_of(n);
    if (tag == "item" || tag == "entry") out.push_back(item_article(n, outlet, origin, ++index));
  }
  // RSS 1.0 (RDF) puts its items beside the channel.
  if (root_name == "RDF") {
    for (const xmlNode* n = root->children; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && name_of(n) == "item") {
        out.push_back(item_article(n, outlet, origin, ++index));
      }
    }
  }
  return out;
}

}  // namespace dyad
