CREATE TABLE "kb_article_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" text NOT NULL,
	"lang" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"article_id" text NOT NULL,
	"lang" text NOT NULL,
	"doc_key" integer GENERATED ALWAYS AS IDENTITY (sequence name "kb_articles_doc_key_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"body" text NOT NULL,
	"url" text,
	"service" text,
	"department" text,
	"owner" text,
	"reviewed" text,
	"category" text,
	"status" text DEFAULT 'published' NOT NULL,
	"origin" text DEFAULT 'file' NOT NULL,
	"source_path" text,
	"content_hash" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"index_terms" "bytea",
	"title_indexed" boolean DEFAULT true NOT NULL,
	"indexed_chars" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_articles_article_id_lang_pk" PRIMARY KEY("article_id","lang")
);
--> statement-breakpoint
CREATE TABLE "kb_chunks" (
	"doc_key" integer NOT NULL,
	"ord" smallint NOT NULL,
	"article_id" text NOT NULL,
	"lang" text NOT NULL,
	"heading_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anchor" text,
	"text" text NOT NULL,
	"ts_config" text NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"embedding" vector,
	"embedder_id" text,
	CONSTRAINT "kb_chunks_doc_key_ord_pk" PRIMARY KEY("doc_key","ord")
);
--> statement-breakpoint
CREATE TABLE "kb_embedder_models" (
	"id" text PRIMARY KEY NOT NULL,
	"dimensions" integer NOT NULL,
	"doc_count" integer NOT NULL,
	"model" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_index_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"local_model_id" text,
	"changes_since_fit" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "kb_article_versions_key" ON "kb_article_versions" USING btree ("article_id","lang","version");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_doc_key" ON "kb_articles" USING btree ("doc_key");--> statement-breakpoint
CREATE INDEX "kb_articles_status_lang" ON "kb_articles" USING btree ("status","lang");--> statement-breakpoint
CREATE INDEX "kb_chunks_tsv" ON "kb_chunks" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "kb_chunks_embedder" ON "kb_chunks" USING btree ("embedder_id");